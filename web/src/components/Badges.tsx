export function Badge({ kind, n, label }: { kind: 'error' | 'warning' | 'info'; n: number; label?: string }) {
  return (
    <span className={`badge ${kind}${n === 0 ? ' zero' : ''}`} data-count={n} data-kind={kind} title={label}>
      {label ? `${label} ${n}` : n}
    </span>
  );
}

export function Counts({ errors, warnings, infos }: { errors: number; warnings: number; infos?: number }) {
  return (
    <span className="counts">
      <Badge kind="error" n={errors} label="错误" />
      <Badge kind="warning" n={warnings} label="警告" />
      {infos !== undefined && <Badge kind="info" n={infos} label="提示" />}
    </span>
  );
}
