import { DataTable } from "@/components/data-table";
import type { SelfTestView } from "@/server/admin/self-test-view";

/** The self-test's cases: what each stored submission must produce and what it did. */
export function SelfTestTable({ selfTest }: { selfTest: SelfTestView }) {
  return (
    <div aria-label="Self-test" role="region">
      <p className={selfTest.passed ? "text-sm text-green-800" : "text-sm text-red-800"}>
        {selfTest.passed
          ? "Self-test passed: the reference is correct and every known-wrong submission fails as stated."
          : "Self-test failed: fix the cases marked Failed before publishing."}
      </p>
      <DataTable
        columns={["Case", "Expected", "Graded", "Findings", "Result"]}
        compact
        className="mt-2"
      >
        {selfTest.cases.map((testCase) => (
          <tr key={testCase.path} className="align-top">
            <td>{testCase.name}</td>
            <td className="font-mono">{testCase.expected}</td>
            <td>
              {testCase.verdict}, score {testCase.score}
            </td>
            <td className="font-mono text-xs">{testCase.findings.join(", ")}</td>
            <td>
              {testCase.passed ? (
                <span className="text-green-800">Passed</span>
              ) : (
                <span className="text-red-800">Failed: {testCase.failure}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
