import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { DEFAULT_CONFIG, loadConfig, type ConsoleConfig } from "./config";

const ConfigContext = createContext<ConsoleConfig>(DEFAULT_CONFIG);

export function ConfigProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState(DEFAULT_CONFIG);
  useEffect(() => {
    let live = true;
    void loadConfig().then((loaded) => live && setConfig(loaded));
    return () => {
      live = false;
    };
  }, []);
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export const useConfig = (): ConsoleConfig => useContext(ConfigContext);
