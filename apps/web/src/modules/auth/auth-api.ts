import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../app/api';
import { meQuery } from '../../app/session';
import type { Me } from '../../app/types';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) =>
      api.post<Me>('/api/auth/login', body, { skipAuthRedirect: true }),
    onSuccess: (me) => {
      client.clear();
      setCsrfToken(me.csrfToken);
      client.setQueryData(meQuery.queryKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}
