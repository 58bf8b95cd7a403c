namespace CustomerPortal.Web.DataSource;

// Numbered from 1 so that a missing setting never silently means SQLite.
public enum DataSourceProvider
{
    Sqlite = 1,
    Dataverse = 2,
}
