namespace MigrationAnalyzers.Databases;

/// <summary>
/// Points for each database from what one piece of code says about it (annotations, store types, SQL quoting).
/// A database is decided only when it has enough points and more than any other: code that names two databases
/// as strongly (a model shared across providers) decides nothing.
/// </summary>
public sealed class EvidenceTally
{
    /// <summary>One provider annotation or provider type is enough; a single weak hint (SQL quoting, <c>varchar(n)</c>) is not.</summary>
    public const int Decisive = 3;

    private readonly int[] _points = new int[5];

    public void Add(DatabaseProvider database, int points)
    {
        if (database != DatabaseProvider.Unknown && points > 0)
        {
            _points[(int)database] += points;
        }
    }

    public int PointsFor(DatabaseProvider database) => _points[(int)database];

    public bool IsEmpty
    {
        get
        {
            foreach (var points in _points)
            {
                if (points > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The database with the most points, when it has at least <see cref="Decisive"/> and strictly more than the next; else Unknown.</summary>
    public DatabaseProvider Decide()
    {
        var best = DatabaseProvider.Unknown;
        var bestPoints = 0;
        var secondPoints = 0;
        for (var index = 1; index < _points.Length; index++)
        {
            var points = _points[index];
            if (points > bestPoints)
            {
                secondPoints = bestPoints;
                bestPoints = points;
                best = (DatabaseProvider)index;
            }
            else if (points > secondPoints)
            {
                secondPoints = points;
            }
        }

        return bestPoints >= Decisive && bestPoints > secondPoints ? best : DatabaseProvider.Unknown;
    }
}
