using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.PortalStore;

// The portal store in a PostgreSQL database, shared by every instance; its migrations are in
// Migrations/Postgres (why a class per provider: see SqlitePortalDbContext).
internal sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
