import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { LiveSocket, liveUrl, type LiveStatus } from "./LiveSocket";

/** Subscribe to live events for as long as the component is mounted. */
export function useLiveSocket(topics: readonly string[], onEvent: (event: LiveEvent) => void): LiveStatus {
  const { client, logout } = useAuth();
  const [status, setStatus] = useState<LiveStatus>({ state: "connecting", attempt: 0, retryInMs: null });
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const topicKey = topics.join(",");

  useEffect(() => {
    const socket = new LiveSocket({
      url: () => (client.token ? liveUrl(client.token, topicKey.split(",")) : null),
      onEvent: (event) => handler.current(event),
      onStatus: setStatus,
      onUnauthorized: logout,
    });
    socket.start();
    return () => socket.stop();
  }, [client, logout, topicKey]);

  return status;
}
