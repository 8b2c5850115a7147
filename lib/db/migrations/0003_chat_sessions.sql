-- The chat page's sessions (FLINT_REQUIRE_KEY): a cookie holds a random token, only its hash is stored,
-- mapped to the gateway key the page's chats are charged to. Deleting or revoking the key ends them.
CREATE TABLE IF NOT EXISTS "chat_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"key_id" uuid NOT NULL REFERENCES "gateway_keys"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "chat_sessions_expires_at" ON "chat_sessions" ("expires_at");
