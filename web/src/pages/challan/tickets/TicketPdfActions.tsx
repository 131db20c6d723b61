import { useEffect, useRef } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { describeError } from "../../../api/errors";
import { useMutation } from "../../../api/useMutation";
import { t } from "../../../i18n/catalogue";

/** The ticket PDF, fetched with the bearer header and handed to the browser as an object URL. */
export function TicketPdfActions({ number }: { number: string }) {
  const { client } = useAuth();
  const urls = useRef<string[]>([]);

  // Object URLs stay valid while the page is open (a download or a new tab may still be reading them).
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const pdf = useMutation(
    async (use: (url: string) => void) => {
      const url = await client.blobUrl(`/api/v1/challan/tickets/${encodeURIComponent(number)}/pdf`);
      urls.current.push(url);
      use(url);
    },
    { describe: (caught) => t("challan.tickets.couldNotGetThe", { describeError: describeError(caught) }) },
  );
  const withPdf = (use: (url: string) => void) => void pdf.run(use);

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
      <button type="button" className="btn" disabled={pdf.busy} onClick={() => withPdf(download)}>
        {t("challan.tickets.downloadPdf")}
      </button>
      <button type="button" className="btn" disabled={pdf.busy} onClick={() => withPdf((url) => window.open(url, "_blank"))}>
        {t("challan.tickets.openPdf")}
      </button>
      <span role="status" className={pdf.error ? "field-error" : "muted"}>
        {pdf.busy ? t("challan.tickets.preparingThePdf") : pdf.error ?? ""}
      </span>
    </div>
  );
}
