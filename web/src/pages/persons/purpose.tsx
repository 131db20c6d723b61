/**
 * Every read of the register is purpose-bound (the server audits each one): the area asks once, on entry,
 * and every list, record and timeline request of the visit carries that purpose until the user changes it.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { purposeQuery, usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { t } from "../../i18n/catalogue";

const PurposeContext = createContext<Purpose | null>(null);

/** The purpose stated for this visit (the area renders nothing that reads before it is stated). */
export function usePersonsPurpose(): Purpose {
  const purpose = useContext(PurposeContext);
  if (!purpose) throw new Error("usePersonsPurpose outside PersonsPurposeGate");
  return purpose;
}

/** The query parameters of a purpose-bound read. */
export function usePurposeQuery(): { purpose: string; case_ref?: string } {
  return purposeQuery(usePersonsPurpose());
}

export function PersonsPurposeGate({ children }: { children: ReactNode }) {
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [dialog, askPurpose] = usePurposePrompt();
  const ask = useCallback(async () => {
    const stated = await askPurpose(t("persons.purpose.action"));
    if (stated) setPurpose(stated);
  }, [askPurpose]);

  useEffect(() => {
    void ask();
  }, [ask]);

  return (
    <>
      {dialog}
      {purpose ? (
        <PurposeContext.Provider value={purpose}>
          <p className="persons-purpose muted" data-testid="persons-purpose">
            {t("persons.purpose.stated", { purpose: purpose.purpose })}{" "}
            <button type="button" className="btn btn-small btn-quiet" onClick={() => void ask()}>
              {t("persons.purpose.change")}
            </button>
          </p>
          {children}
        </PurposeContext.Provider>
      ) : (
        <p className="state" role="status">
          {t("persons.purpose.needed")}{" "}
          <button type="button" className="btn btn-small" onClick={() => void ask()}>
            {t("persons.purpose.state")}
          </button>
        </p>
      )}
    </>
  );
}
