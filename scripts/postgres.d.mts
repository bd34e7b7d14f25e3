/** A throwaway PostgreSQL cluster started by {@link startPostgres}. */
export interface PostgresCluster {
  /** postgresql:// URL of the cluster's `postgres` database, as the `postgres` user. */
  url: string;
  port: number;
  /** The cluster's temporary folder, holding its data and its server.log. */
  folder: string;
  /** Restarts the server: "immediate" as after a crash, "fast" with a clean shutdown. */
  restart(mode?: "fast" | "immediate"): void;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

export function findPostgresBin(): string | null;
export const POSTGRES_MISSING: string;
export function startPostgres(options?: { durable?: boolean }): Promise<PostgresCluster>;
