namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets records and <c>init</c> accessors compile for netstandard2.0, whose base library predates them; the compiler
/// only needs the type to exist.
/// </summary>
internal static class IsExternalInit
{
}
