/**
 * The purpose stated for this evidence session. Item views and exports are personal-data reads: the server
 * audits each with the purpose and case reference. The user states them once (PurposeDialog) and sees them
 * in a banner while working the case, where they can change them; every request still sends them.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { t } from "../../i18n/catalogue";

interface PurposeValue {
  purpose: Purpose | null;
  /** The stated purpose, asking for one first when there is none; null when the user cancels. */
  ensurePurpose: (action: string) => Promise<Purpose | null>;
  /** Ask again (to change it); keeps the old one when the user cancels. */
  changePurpose: () => Promise<void>;
}

const PurposeContext = createContext<PurposeValue | null>(null);

export function PurposeProvider({ children }: { children: ReactNode }) {
  const [dialog, askPurpose] = usePurposePrompt();
  const [purpose, setPurpose] = useState<Purpose | null>(null);

  const ensurePurpose = useCallback(
    async (action: string) => {
      if (purpose) return purpose;
      const stated = await askPurpose(action);
      if (stated) setPurpose(stated);
      return stated;
    },
    [purpose, askPurpose],
  );
  const changePurpose = useCallback(async () => {
    const stated = await askPurpose(t("evidence.evidenceWork"));
    if (stated) setPurpose(stated);
  }, [askPurpose]);

  const value = useMemo(() => ({ purpose, ensurePurpose, changePurpose }), [purpose, ensurePurpose, changePurpose]);
  return (
    <PurposeContext.Provider value={value}>
      {dialog}
      {children}
    </PurposeContext.Provider>
  );
}

export function usePurpose(): PurposeValue {
  const value = useContext(PurposeContext);
  if (!value) throw new Error(t("evidence.usepurposeOutsidePurposeprovider"));
  return value;
}

export function PurposeBanner() {
  const { purpose, changePurpose } = usePurpose();
  return (
    <div className="evidence-purpose">
      {purpose ? (
        <span role="status">
          {t("evidence.purpose")}{" "}<strong>{purpose.purpose}</strong>
          {purpose.caseRef ? <>{" "}{t("evidence.caseReference2", { caseRef: purpose.caseRef })}</> : null}
        </span>
      ) : (
        <span role="status" className="muted">{t("evidence.noPurposeStatedYet")}</span>
      )}
      <button type="button" className="btn btn-quiet btn-small" onClick={() => void changePurpose()}>
        {purpose ? t("evidence.changePurpose") : t("evidence.statePurpose")}
      </button>
    </div>
  );
}
