import { api } from '../api/endpoints.ts';
import { useResource, type Resource } from './hooks.ts';

export interface ProviderMember {
  id: string;
  name: string;
  /** A former member: consumption recorded before it left is still entered for it. */
  former: boolean;
}

/** The members and former members of a provider, by name: the organisations its records may concern. */
export function useProviderMembers(providerId: string): Resource<ProviderMember[]> {
  return useResource(async (signal) => {
    if (!providerId) return [];
    const list = (membershipStatus: 'member' | 'former', former: boolean) =>
      api.organisations.list({ providerId, membershipStatus, limit: 500 }, signal).then((page) => page.items.map((o) => ({ id: o.id, name: o.name, former })));
    const [members, formers] = await Promise.all([list('member', false), list('former', true)]);
    return [...members, ...formers].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, `provider-members-${providerId}`);
}
