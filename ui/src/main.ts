import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import App from './App.vue';
import { router } from './router';
import { reportError } from './api/errors';
import './style.css';

dayjs.locale('zh-cn');

const app = createApp(App);
app.use(ElementPlus);
app.use(router);
// Nothing may end in a blank screen or a silent failure.
app.config.errorHandler = (err) => {
  console.error(err);
  reportError(err);
};
// e.g. a screen's code failed to load
router.onError((err) => reportError(err));
window.addEventListener('unhandledrejection', (ev) => {
  reportError(ev.reason);
  ev.preventDefault();
});
// Mount once the first route is known, so the menu highlights the right item from the start.
void router.isReady().finally(() => app.mount('#app'));
