// One entry's page (/deeds/7 …): the id from the route, the detail as the core sends it, loading
// while it is read, `failed` when the last read did not work (the page offers 重试).
import { ref, type Ref } from 'vue';
import { useRoute } from 'vue-router';
import type { Id } from '../api/types';
import { reportError } from '../api/errors';

export interface Detail<D> {
  id: Id;
  detail: Ref<D | null>;
  loading: Ref<boolean>;
  failed: Ref<boolean>;
  /** read (again); a failure is reported and leaves what was shown */
  load(): Promise<void>;
}

export function useDetail<D>(fetch: (id: Id) => Promise<D>): Detail<D> {
  const id = Number(useRoute().params.id);
  const detail = ref(null) as Ref<D | null>;
  const loading = ref(true);
  const failed = ref(false);

  async function load() {
    loading.value = true;
    try {
      detail.value = await fetch(id);
      failed.value = false;
    } catch (e) {
      failed.value = true;
      reportError(e);
    } finally {
      loading.value = false;
    }
  }

  return { id, detail, loading, failed, load };
}
