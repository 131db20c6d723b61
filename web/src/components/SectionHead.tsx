import { type SectionTab, SectionTabs } from "./SectionTabs";

/** An area's page heading: its title with the tabs of its sub-pages beside it. */
export function SectionHead({ title, label, tabs }: { title: string; label: string; tabs: readonly SectionTab[] }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      <SectionTabs label={label} tabs={tabs} />
    </div>
  );
}
