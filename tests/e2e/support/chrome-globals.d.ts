/** The few extension APIs tests call inside the service worker with `serviceWorker.evaluate`. */
declare const chrome: {
  storage: {
    local: {
      get(keys: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    session: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  alarms: {
    create(
      name: string,
      info: { when?: number; periodInMinutes?: number; delayInMinutes?: number },
    ): Promise<void>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
};
