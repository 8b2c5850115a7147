CREATE TABLE IF NOT EXISTS gateway_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  prefix text NOT NULL UNIQUE,
  hash text NOT NULL UNIQUE,
  budget_usd double precision,
  period text NOT NULL DEFAULT 'month',
  period_start timestamptz NOT NULL DEFAULT now(),
  spend_usd double precision NOT NULL DEFAULT 0,
  reserved_usd double precision NOT NULL DEFAULT 0,
  rpm integer,
  tpm integer,
  models text[],
  allow_server_fallback boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS usage_ledger (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  key_id uuid,
  key_prefix text,
  surface text NOT NULL,
  provider text,
  model text,
  input_tokens integer NOT NULL DEFAULT 0,
  cached_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cost_usd double precision NOT NULL DEFAULT 0,
  ttft_ms integer,
  duration_ms integer NOT NULL DEFAULT 0,
  status text NOT NULL,
  fallbacks integer NOT NULL DEFAULT 0,
  cache_hit boolean NOT NULL DEFAULT false,
  estimated boolean NOT NULL DEFAULT false,
  byo_key boolean NOT NULL DEFAULT false
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS usage_ledger_created_at ON usage_ledger (created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS usage_ledger_key ON usage_ledger (key_id, created_at);
