export interface NotificationsSearch {
  page?: number;
  unread?: boolean;
}

export function parseNotificationsSearch(search: Record<string, unknown>): NotificationsSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    unread: search.unread === true || search.unread === 'true' ? true : undefined,
  };
}
