import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { LiveSocket, liveTicketUrl, type LiveStatus } from "./LiveSocket";

/** Subscribe to live events for as long as the component is mounted. */
export function useLiveSocket(topics: readonly string[], onEvent: (event: LiveEvent) => void): LiveStatus {
  const { client, logout } = useAuth();
  const [status, setStatus] = useState<LiveStatus>({ state: "connecting", attempt: 0, retryInMs: null });
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const topicKey = topics.join(",");

  useEffect(() => {
    const socket = new LiveSocket({
      // A fresh media ticket per connection: the URL never carries the access token.
      url: async () => (client.token ? liveTicketUrl(await client.mediaTicket(), topicKey.split(",")) : null),
      onEvent: (event) => handler.current(event),
      onStatus: setStatus,
      onUnauthorized: logout,
    });
    socket.start();
    return () => socket.stop();
  }, [client, logout, topicKey]);

  return status;
}
