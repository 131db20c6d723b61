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
          <code data-testid="bundle-sha256" className="evidence-hash">
            {bundle.announcedSha256}
          </code>
          <HashCheck announced={bundle.announcedSha256} downloaded={bundle.downloadedSha256} />
        </dd>
        <dt>{t("evidence.signingKeyFingerprint")}</dt>
        <dd>
          <code data-testid="bundle-fingerprint" className="evidence-hash">
            {bundle.fingerprint}
          </code>
          {published ? (
            <span className={published === bundle.fingerprint ? "state-ok" : "state-error"}>
              {" "}
              {published === bundle.fingerprint
                ? t("evidence.matchesTheServerS")
                : t("evidence.differsFromTheServer", { published })}
            </span>
          ) : null}
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

function HashCheck({ announced, downloaded }: { announced: string; downloaded: string | null }) {
  if (downloaded === null)
    return <span className="muted">{" "}{t("evidence.thisBrowserCannotHash")}</span>;
  return downloaded === announced ? (
    <span className="state-ok">{" "}{t("evidence.matchesTheBytesReceived")}</span>
  ) : (
    <span className="state-error">{" "}{t("evidence.theBytesReceivedHash", { downloaded })}</span>
  );
}
