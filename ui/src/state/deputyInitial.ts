// A list filtered by a deputy (?deputy_id=7, e.g. from the deputy's page) shows the deputy's name in
// its picker, not "代表 #7": the name is read once when the list opens.
import { onMounted, ref, type Ref } from 'vue';
import * as api from '../api/commands';
import type { DeputyRef, Id } from '../api/types';

export function useDeputyInitial(deputyId: () => Id | null): Ref<DeputyRef[]> {
  const initial = ref<DeputyRef[]>([]);
  onMounted(async () => {
    const id = deputyId();
    if (!id) return;
    try {
      const d = await api.deputyGet(id);
      initial.value = [{ id: d.deputy.id, name: d.deputy.name }];
    } catch {
      /* the picker shows "代表 #id" */
    }
  });
  return initial;
}
