namespace CustomerPortal.Seed;

// How many lines an order gets: drawn evenly between Min and Max, both included.
public sealed record LinesPerOrderRange(int Min, int Max);
