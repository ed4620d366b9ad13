/* Known answers from SQLite (libsqlite3-sys's bundled amalgamation), through
 * its C API only: builds tables in memory, then prints the results of
 * queries that exercise sorting, grouping, joins, indexes, window functions,
 * strings, JSON and floating point. The ordinary build's output is the
 * expected one. */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

void report_selection(void); /* report.c */

static int print_row(void *unused, int n, char **values, char **names) {
    (void)unused;
    (void)names;
    for (int i = 0; i < n; i++) printf("%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
    printf("\n");
    return 0;
}

static int run(sqlite3 *db, const char *sql) {
    char *error = 0;
    if (sqlite3_exec(db, sql, print_row, 0, &error) != SQLITE_OK) {
        printf("error: %s\n", error);
        sqlite3_free(error);
        return 1;
    }
    return 0;
}

int main(void) {
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
    printf("sqlite %s\n", sqlite3_libversion());
    int failed = run(db,
        "CREATE TABLE item(id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, price REAL);"
        "CREATE TABLE grp(id INTEGER PRIMARY KEY, label TEXT);"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
        "  INSERT INTO item SELECT i, i * 7919 % 97, printf('item-%05d-%x', i, i * 31),"
        "  (i * 2654435761 % 100000) / 100.0 FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 96)"
        "  INSERT INTO grp SELECT i, 'group ' || char(65 + i % 26) || i FROM n;"
        "CREATE INDEX item_price ON item(price);");
    failed |= run(db, "SELECT count(*), sum(price), min(name), max(name) FROM item;");
    failed |= run(db, "SELECT grp, count(*), round(avg(price), 4), group_concat(id % 10, '')"
                      " FROM item WHERE price > 500 GROUP BY grp ORDER BY 3 DESC LIMIT 5;");
    failed |= run(db, "SELECT g.label, count(*), round(sum(i.price), 2) FROM item i JOIN grp g"
                      " ON g.id = i.grp GROUP BY g.label ORDER BY 3 DESC, 1 LIMIT 5;");
    failed |= run(db, "SELECT id, price, rank() OVER (PARTITION BY grp ORDER BY price DESC)"
                      " AS r FROM item WHERE grp = 13 ORDER BY r, id LIMIT 5;");
    failed |= run(db, "SELECT upper(substr(name, 6)), length(name), hex(id), instr(name, 'f')"
                      " FROM item WHERE price BETWEEN 100 AND 100.5 ORDER BY id LIMIT 5;");
    failed |= run(db, "SELECT json_object('n', count(*), 'top', json_group_array(id))"
                      " FROM (SELECT id FROM item ORDER BY price DESC, id LIMIT 4);");
    failed |= run(db, "SELECT printf('%.10f', sum(sqrt(price) * sin(id))) FROM item;");
    sqlite3_close(db);
    report_selection();
    return failed;
}
