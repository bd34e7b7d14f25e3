import type { ConstraintsView } from "@/lib/submission-contract";

const NUMBER_RULES: Record<ConstraintsView["numbers"], string | null> = {
  any: null,
  integer: "integers only",
  dyadic: "dyadic rationals k/2^j only",
};

/** Lists the architecture rules a submission must keep, leaving out those without a limit. */
export function ConstraintsList({ constraints }: { constraints: ConstraintsView }) {
  const rules = constraintRules(constraints);

  return (
    <section aria-label="Constraints" className="mt-6">
      <h2 className="text-lg font-semibold">Constraints</h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rules.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-600">{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function constraintRules(constraints: ConstraintsView): [string, string][] {
  const rules: [string, string][] = [
    ["Inputs", `${constraints.inputs}`],
    ["Outputs", `${constraints.outputs}`],
  ];
  const depth = depthRule(constraints.minDepth, constraints.maxDepth);
  if (depth) {
    rules.push(["Depth (affine layers)", depth]);
  }
  if (constraints.maxWidth !== null) {
    rules.push(["Width", `at most ${constraints.maxWidth} neurons per layer`]);
  }
  if (constraints.maxParameters !== null) {
    rules.push(["Parameters", `at most ${constraints.maxParameters} weights and biases`]);
  }
  if (constraints.activations) {
    rules.push(["Hidden activation", constraints.activations.join(" or ")]);
  }
  if (constraints.outputActivations) {
    rules.push(["Output activation", constraints.outputActivations.join(" or ")]);
  }
  const numbers = NUMBER_RULES[constraints.numbers];
  if (numbers) {
    rules.push(["Weights and biases", numbers]);
  }
  return rules;
}

function depthRule(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) {
    return min === max ? `exactly ${min}` : `${min} to ${max}`;
  }
  if (max !== null) {
    return `at most ${max}`;
  }
  return min === null ? null : `at least ${min}`;
}
