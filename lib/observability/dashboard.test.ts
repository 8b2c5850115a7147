import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metrics } from './metrics';

type Dashboard = { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };

describe('docs/grafana/flint.json', () => {
  it('queries only metrics that Flint exports', async () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../docs/grafana/flint.json', import.meta.url), 'utf8')) as Dashboard;
    const exported = await metrics().registry.getMetricsAsJSON();
    const names = new Set(exported.flatMap((metric) => [metric.name, `${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`]));
    const histograms = new Set(exported.filter((metric) => String(metric.type) === 'histogram').map((metric) => metric.name));

    const used = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/\bflint_[a-z_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) {
      const base = name.replace(/_(bucket|sum|count)$/, '');
      const known = names.has(name) && (name === base || histograms.has(base));
      expect(known, `${name} is not exported`).toBe(true);
    }
    // Every metric the issue asks for has a panel.
    for (const required of ['flint_http_requests_total', 'flint_http_request_duration_seconds', 'flint_model_attempts_total', 'flint_time_to_first_token_seconds',
      'flint_tokens_total', 'flint_cost_usd_total', 'flint_fallbacks_total', 'flint_breaker_open', 'flint_ratelimit_remaining', 'flint_cache_requests_total', 'flint_rate_limited_total']) {
      expect(used.some((name) => name.replace(/_(bucket|sum|count)$/, '') === required), required).toBe(true);
    }
  });
});
