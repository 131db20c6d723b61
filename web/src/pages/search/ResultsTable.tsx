import type { ReactNode } from "react";
import { MediaImage } from "../../components/MediaImage";
import type { Purpose } from "../../components/PurposeDialog";
import { TableHead } from "../../components/TableHead";

/** A search's result table: scrolls sideways on narrow screens, captioned for screen readers, rows as children. */
export function ResultsTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: ReactNode;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A sighting's crop, fetched with the search's purpose (a personal-data read the server audits). */
export function CropCell({ className, sha256, alt, purpose }: { className: string; sha256: string; alt: string; purpose: Purpose }) {
  return (
    <td>
      <MediaImage className={className} sha256={sha256} alt={alt} purpose={purpose} />
    </td>
  );
}

/** A match's score to two decimals, then what it comes from in quieter words. */
export function ScoreCell({ score, detail }: { score: number; detail: string }) {
  return (
    <td>
      {score.toFixed(2)} <span className="muted">{detail}</span>
    </td>
  );
}
