// selectPreparedRows(): a named prepared statement on PostgreSQL (the name is
// ignored by PGlite) answers like selectRows(), also past the sixth call
// (where Postgres may switch to a generic plan), inside a transaction, and
// when one name is used with two different texts (each text gets its own
// statement, so they never clash on a connection). preparedSelect(), built
// once per database, binds new values on every call and, inside a
// transaction, reads that transaction's own rows.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { preparedSelect, selectPreparedRows, selectRows, type DatabaseOrTransaction } from "@/db";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((opened) => {
  db = opened.db;
});

const squares = (upTo: number) => sql`SELECT i, i * i AS square FROM generate_series(1, ${upTo}::int) AS i ORDER BY i`;
const cubes = (upTo: number) => sql`SELECT i, i * i * i AS cube FROM generate_series(1, ${upTo}::int) AS i ORDER BY i`;

describe("selectPreparedRows", () => {
  it("answers like selectRows, call after call, with new parameters each time", async () => {
    for (let upTo = 1; upTo <= 12; upTo += 1) {
      expect(await selectPreparedRows(db, "squares", squares(upTo))).toEqual(await selectRows(db, squares(upTo)));
    }
  });

  it("keeps two texts under one name apart", async () => {
    for (let round = 0; round < 3; round += 1) {
      expect(await selectPreparedRows<{ square: number }>(db, "same_name", squares(3))).toEqual([
        { i: 1, square: 1 },
        { i: 2, square: 4 },
        { i: 3, square: 9 },
      ]);
      expect(await selectPreparedRows<{ cube: number }>(db, "same_name", cubes(2))).toEqual([
        { i: 1, cube: 1 },
        { i: 2, cube: 8 },
      ]);
    }
  });

  it("works inside a transaction", async () => {
    const rows = await db.transaction(async (tx) => {
      await selectPreparedRows(tx, "squares", squares(2));
      return selectPreparedRows(tx, "squares", squares(4));
    });
    expect(rows).toHaveLength(4);
  });
});

describe("preparedSelect", () => {
  const squaresUpTo = preparedSelect<{ i: number; square: number }>(
    "squares_up_to",
    sql`SELECT i, i * i AS square FROM generate_series(1, ${sql.placeholder("upTo")}::int) AS i ORDER BY i`,
  );

  it("answers like selectRows, with the values of each call, past the sixth", async () => {
    for (let upTo = 1; upTo <= 12; upTo += 1) {
      expect(await squaresUpTo(db, { upTo })).toEqual(await selectRows(db, squares(upTo)));
    }
  });

  it("inside a transaction, sees the transaction's own uncommitted rows", async () => {
    await db.execute(sql`CREATE TABLE prepared_probe (id text PRIMARY KEY)`);
    const probe = preparedSelect<{ id: string }>("prepared_probe", sql`SELECT id FROM prepared_probe WHERE id = ${sql.placeholder("id")}`);
    expect(await probe(db, { id: "b" })).toEqual([]);
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO prepared_probe (id) VALUES ('b')`);
      expect(await probe(tx, { id: "b" })).toEqual([{ id: "b" }]);
    });
    expect(await probe(db, { id: "b" })).toEqual([{ id: "b" }]);
  });
});
