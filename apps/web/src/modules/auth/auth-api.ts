import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../app/api';
import { meQuery } from '../../app/session';
import type { Me } from '../../app/types';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { login: string; password: string }) => {
      const send = () => api.post<Me>('/api/auth/login', body, { skipAuthRedirect: true });
      try {
        return await send();
      } catch (error) {
        // The browser still holds a live session this tab never loaded (the login page does not
        // probe it): the server wants that session's CSRF token before replacing it. Fetch it, retry once.
        if (!(error instanceof ApiError) || error.code !== 'CSRF_FAILED') throw error;
        const current = await api.request<Me>('GET', '/api/me', { skipAuthRedirect: true }).catch(() => null);
        if (!current) throw error;
        setCsrfToken(current.csrfToken);
        return send();
      }
    },
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
