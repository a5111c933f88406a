using System.Text;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The model a Designer file's <c>BuildTargetModel</c> holds after a migration of the shop samples, written the way
/// `dotnet ef` writes it. EF Core's SQLite provider rebuilds tables from this model for operations SQLite cannot do
/// in place (dropping a column, altering one, adding a key), so samples with such operations need the right model.
/// </summary>
internal sealed record ShopModel
{
    public string CustomersTable { get; init; } = "Customers";

    public bool Phone { get; init; } = true;

    public bool Email { get; init; }

    public bool EmailIndex { get; init; }

    public int NameMaxLength { get; init; } = 100;

    public bool NameRequired { get; init; } = true;

    public string? NameCheck { get; init; }

    public bool NameAlternateKey { get; init; }

    public bool Orders { get; init; } = true;

    public string OrdersTotal { get; init; } = "Total";

    public bool OrdersIndex { get; init; } = true;

    public string OrdersIndexName { get; init; } = "IX_Orders_CustomerId";

    public bool ForeignKey { get; init; } = true;

    public string Code()
    {
        var code = new StringBuilder();
        code.AppendLine($$"""
                        modelBuilder.Entity("Shop.Data.Customer", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("INTEGER");

                                b.Property<string>("Name"){{(NameRequired ? "\n                        .IsRequired()" : string.Empty)}}
                                    .HasMaxLength({{NameMaxLength}})
                                    .HasColumnType("TEXT");
            """);
        if (Phone)
        {
            code.AppendLine("""

                                b.Property<string>("Phone")
                                    .HasColumnType("TEXT");
                """);
        }

        if (Email)
        {
            code.AppendLine("""

                                b.Property<string>("Email")
                                    .HasMaxLength(200)
                                    .HasColumnType("TEXT");
                """);
        }

        code.AppendLine("""

                                b.HasKey("Id");
            """);
        if (NameAlternateKey)
        {
            code.AppendLine("""

                                b.HasAlternateKey("Name")
                                    .HasName("AK_Customers_Name");
                """);
        }
        if (EmailIndex)
        {
            code.AppendLine("""

                                b.HasIndex("Email")
                                    .IsUnique();
                """);
        }

        code.AppendLine(NameCheck is null
            ? $$"""

                                b.ToTable("{{CustomersTable}}");
                            });
                """
            : $$"""

                                b.ToTable("{{CustomersTable}}", t =>
                                    {
                                        t.HasCheckConstraint("CK_Customers_Name", "{{NameCheck}}");
                                    });
                            });
                """);

        if (!Orders)
        {
            return code.ToString();
        }

        code.AppendLine($$"""

                        modelBuilder.Entity("Shop.Data.Order", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("INTEGER");

                                b.Property<int>("CustomerId")
                                    .HasColumnType("INTEGER");

                                b.Property<decimal>("{{OrdersTotal}}")
                                    .HasColumnType("TEXT");

                                b.HasKey("Id");
            """);
        if (OrdersIndex)
        {
            code.AppendLine($$"""

                                b.HasIndex("CustomerId")
                                    .HasDatabaseName("{{OrdersIndexName}}");
                """);
        }

        code.AppendLine("""

                                b.ToTable("Orders");
                            });
            """);
        if (ForeignKey)
        {
            code.AppendLine("""

                        modelBuilder.Entity("Shop.Data.Order", b =>
                            {
                                b.HasOne("Shop.Data.Customer", null)
                                    .WithMany()
                                    .HasForeignKey("CustomerId")
                                    .OnDelete(DeleteBehavior.Cascade)
                                    .IsRequired();
                            });
                """);
        }

        return code.ToString();
    }
}
