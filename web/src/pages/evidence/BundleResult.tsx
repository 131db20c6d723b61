import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { formatSize } from "./format";
import { t } from "../../i18n/catalogue";

export interface ExportedBundle {
  url: string;
  filename: string;
  size: number;
  bundleId: string;
  /** X-Safecity-Bundle-Sha256: the hash the server stored and audited. */
  announcedSha256: string;
  /** Computed here over the received bytes; null when the browser offers no Web Crypto (plain HTTP). */
  downloadedSha256: string | null;
  fingerprint: string;
  itemIds: number[];
  redacted: boolean;
}

/** What a court needs to check the bundle: its hash, the signing key's fingerprint, and the command. */
export function BundleResult({ bundle }: { bundle: ExportedBundle }) {
  const { client } = useAuth();
  const { resource: key } = useResource(
    (signal) => client.GET("/api/v1/evidence/signing-key", { signal }),
    [client],
  );
  const published = key.data?.fingerprint;
  return (
    <div className="evidence-bundle" data-testid="bundle-result">
      <p role="status" className="state state-ok">
        {t("evidence.bundleReady", { count: bundle.itemIds.length, files: bundle.redacted ? t("evidence.redacted") : t("evidence.originalFiles"), size: formatSize(bundle.size) })}
      </p>
      <p>
        <a className="btn btn-primary" href={bundle.url} download={bundle.filename}>
          {t("evidence.saveBundle", { filename: bundle.filename })}
        </a>
      </p>
      <dl className="evidence-facts">
        <dt>{t("evidence.bundleId")}</dt>
        <dd>
          <code>{bundle.bundleId}</code>
        </dd>
        <dt>{t("evidence.bundleSha256")}</dt>
        <dd>
          <CheckedValue
            testId="bundle-sha256"
            value={bundle.announcedSha256}
            check={hashCheck(bundle.announcedSha256, bundle.downloadedSha256)}
          />
        </dd>
        <dt>{t("evidence.signingKeyFingerprint")}</dt>
        <dd>
          <CheckedValue testId="bundle-fingerprint" value={bundle.fingerprint} check={fingerprintCheck(bundle.fingerprint, published)} />
        </dd>
      </dl>
      <p className="muted">
        {t("evidence.toVerifyOffline")}{" "}<code>{t("evidence.safecityEvidenceVerifyBundle", { filename: bundle.filename, fingerprint: bundle.fingerprint })}</code>
      </p>
      {key.data ? (
        <details>
          <summary>{t("evidence.publicKeyPem")}</summary>
          <pre className="evidence-pem">{key.data.public_key_pem}</pre>
        </details>
      ) : null}
    </div>
  );
}

interface Check {
  tone: "ok" | "error" | "unknown";
  text: string;
}

/** A value a court will check (a hash, a key's fingerprint), then whether it matched what it was compared with. */
function CheckedValue({ testId, value, check }: { testId: string; value: string; check: Check | null }) {
  return (
    <>
      <code data-testid={testId} className="evidence-hash">
        {value}
      </code>
      {check ? (
        <span className={check.tone === "unknown" ? "muted" : `state-${check.tone}`}>
          {" "}
          {check.text}
        </span>
      ) : null}
    </>
  );
}

/** The announced hash against the one computed over the bytes received (null: the browser cannot hash). */
function hashCheck(announced: string, downloaded: string | null): Check {
  if (downloaded === null) return { tone: "unknown", text: t("evidence.thisBrowserCannotHash") };
  return downloaded === announced
    ? { tone: "ok", text: t("evidence.matchesTheBytesReceived") }
    : { tone: "error", text: t("evidence.theBytesReceivedHash", { downloaded }) };
}

/** The bundle's signing key against the one the server publishes (none while that is not loaded). */
function fingerprintCheck(fingerprint: string, published: string | undefined): Check | null {
  if (!published) return null;
  return published === fingerprint
    ? { tone: "ok", text: t("evidence.matchesTheServerS") }
    : { tone: "error", text: t("evidence.differsFromTheServer", { published }) };
}
