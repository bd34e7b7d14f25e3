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
      <table className="mt-2 w-full text-left text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className="px-2 py-1">Case</th>
            <th className="px-2 py-1">Expected</th>
            <th className="px-2 py-1">Graded</th>
            <th className="px-2 py-1">Findings</th>
            <th className="px-2 py-1">Result</th>
          </tr>
        </thead>
        <tbody>
          {selfTest.cases.map((testCase) => (
            <tr key={testCase.path} className="border-t border-slate-200 align-top">
              <td className="px-2 py-1">{testCase.name}</td>
              <td className="px-2 py-1 font-mono">{testCase.expected}</td>
              <td className="px-2 py-1">
                {testCase.verdict}, score {testCase.score}
              </td>
              <td className="px-2 py-1 font-mono text-xs">{testCase.findings.join(", ")}</td>
              <td className="px-2 py-1">
                {testCase.passed ? (
                  <span className="text-green-800">Passed</span>
                ) : (
                  <span className="text-red-800">Failed: {testCase.failure}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
