/** A throwaway PostgreSQL cluster started by {@link startPostgres}. */
export interface PostgresCluster {
  /** postgresql:// URL of the cluster's `postgres` database, as the `postgres` user. */
  url: string;
  port: number;
  /** The cluster's temporary folder, holding its data and its server.log. */
  folder: string;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

export function findPostgresBin(): string | null;
export const POSTGRES_MISSING: string;
export function startPostgres(options?: { durable?: boolean }): Promise<PostgresCluster>;
