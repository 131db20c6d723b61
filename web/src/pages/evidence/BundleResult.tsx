import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { formatSize } from "./format";

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
        Bundle ready: {bundle.itemIds.length} item(s), {bundle.redacted ? "redacted" : "original files"},{" "}
        {formatSize(bundle.size)}.
      </p>
      <p>
        <a className="btn btn-primary" href={bundle.url} download={bundle.filename}>
          Save bundle {bundle.filename}
        </a>
      </p>
      <dl className="evidence-facts">
        <dt>Bundle id</dt>
        <dd>
          <code>{bundle.bundleId}</code>
        </dd>
        <dt>Bundle SHA-256</dt>
        <dd>
          <code data-testid="bundle-sha256" className="evidence-hash">
            {bundle.announcedSha256}
          </code>
          <HashCheck announced={bundle.announcedSha256} downloaded={bundle.downloadedSha256} />
        </dd>
        <dt>Signing key fingerprint</dt>
        <dd>
          <code data-testid="bundle-fingerprint" className="evidence-hash">
            {bundle.fingerprint}
          </code>
          {published ? (
            <span className={published === bundle.fingerprint ? "state-ok" : "state-error"}>
              {" "}
              {published === bundle.fingerprint
                ? "✓ matches the server's published signing key"
                : `✗ differs from the server's published signing key ${published}`}
            </span>
          ) : null}
        </dd>
      </dl>
      <p className="muted">
        To verify offline: <code>safecity evidence verify-bundle {bundle.filename} --pin {bundle.fingerprint}</code>
      </p>
      {key.data ? (
        <details>
          <summary>Public key (PEM)</summary>
          <pre className="evidence-pem">{key.data.public_key_pem}</pre>
        </details>
      ) : null}
    </div>
  );
}

function HashCheck({ announced, downloaded }: { announced: string; downloaded: string | null }) {
  if (downloaded === null)
    return <span className="muted"> (this browser cannot hash the download here; check it with sha256sum)</span>;
  return downloaded === announced ? (
    <span className="state-ok"> ✓ matches the bytes received</span>
  ) : (
    <span className="state-error"> ✗ the bytes received hash to {downloaded}: do not use this download</span>
  );
}
