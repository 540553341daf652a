import { api } from '../../api/endpoints.ts';
import { useResource } from '../../lib/hooks.ts';

/** Category names of the provider's catalogue, loaded when a partial exit needs them; codes meanwhile. */
export function useCategories(providerId: string, needed: boolean) {
  const catalogue = useResource((signal) => (needed ? api.catalogue.get(providerId, signal) : Promise.resolve(null)), `categories-${providerId}-${needed}`);
  const categories = catalogue.data?.categories.map((c) => ({ value: c.code, label: c.name })) ?? [];
  const name = (code: string) => categories.find((c) => c.value === code)?.label ?? code;
  return { catalogue, categories, name };
}
