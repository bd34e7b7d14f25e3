import type { ReactNode } from "react";

/** A column heading: visible text, or a name only screen readers read, as for a column of links. */
export type ColumnHeading = string | { hidden: string };

interface DataTableProps {
  columns: ColumnHeading[];
  /** The body's rows, each a `<tr>` whose cells need no padding or border of their own. */
  children: ReactNode;
  /** Accessible name of the table, for a page with several. */
  label?: string;
  /** Smaller cell padding, for a table inside a panel. */
  compact?: boolean;
  /** Classes of the scrolling box, such as its margin. */
  className?: string;
}

/**
 * Renders a bordered table with a header row naming its columns. The table scrolls sideways
 * inside its own box on a narrow screen instead of widening the page, and pads every cell.
 */
export function DataTable({
  columns,
  children,
  label,
  compact = false,
  className = "",
}: DataTableProps) {
  const cellPadding = compact
    ? "[&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1"
    : "[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2";
  return (
    // `relative` keeps the absolutely placed screen-reader text inside the scrolling box.
    <div className={`relative overflow-x-auto ${className}`}>
      <table
        aria-label={label}
        className={`w-full rounded-lg border border-slate-200 bg-white text-left text-sm ${cellPadding}`}
      >
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" className="font-medium">
                  {column}
                </th>
              ) : (
                <th key={column.hidden} scope="col">
                  <span className="sr-only">{column.hidden}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="[&>tr]:border-t [&>tr]:border-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
