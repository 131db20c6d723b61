import { useEffect, useRef, useState } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { describeError } from "../../../api/errors";

/** The ticket PDF, fetched with the bearer header and handed to the browser as an object URL. */
export function TicketPdfActions({ number }: { number: string }) {
  const { client } = useAuth();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const urls = useRef<string[]>([]);

  // Object URLs stay valid while the page is open (a download or a new tab may still be reading them).
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const withPdf = async (use: (url: string) => void) => {
    setState({ busy: true, error: null });
    try {
      const url = await client.blobUrl(`/api/v1/challan/tickets/${encodeURIComponent(number)}/pdf`);
      urls.current.push(url);
      use(url);
      setState({ busy: false, error: null });
    } catch (caught) {
      setState({ busy: false, error: `Could not get the PDF. ${describeError(caught)}` });
    }
  };

  const download = (url: string) => {
    const link = document.createElement("a");
    link.href = url;
    link.download = `${number}.pdf`;
    document.body.append(link);
    link.click();
    link.remove();
  };

  return (
    <div className="challan-pdf">
      <button type="button" className="btn" disabled={state.busy} onClick={() => void withPdf(download)}>
        Download PDF
      </button>
      <button type="button" className="btn" disabled={state.busy} onClick={() => void withPdf((url) => window.open(url, "_blank"))}>
        Open PDF
      </button>
      <span role="status" className={state.error ? "field-error" : "muted"}>
        {state.busy ? "Preparing the PDF…" : state.error ?? ""}
      </span>
    </div>
  );
}
