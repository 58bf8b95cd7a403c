using SQLitePCL;

namespace CustomerPortal.Sqlite;

// Settings of the SQLite library itself, for the whole process: the mirror's and the portal store's connections alike.
public static class SqliteLibrary
{
    // SQLite keeps memory statistics (sqlite3_memory_used) unless built without them, and the bundled library is not:
    // every allocation it makes then takes one process-wide lock, which two requests sorting at once wait on. The
    // portal never reads them (SQLite's own advice is to build with them off). Measured on the large profile at 16
    // connections (issue 16): the home page, whose spend chart sorts about 7,000 orders, 16-21 % less CPU per request
    // in 4 of 4 alternating runs against the build before; the list pages within the machine's noise.
    // SQLite reads the setting once, when it first starts, so call this before any connection opens. Called later (a
    // test host after another in one process) it changes nothing: SQLite answers SQLITE_MISUSE and keeps counting.
    public static void TurnOffMemoryStatistics()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
