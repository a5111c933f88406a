using FluentAssertions;

namespace FluentToAwesomeAssertions;

/// <summary>Checks the billing tests share.</summary>
public static class InvoiceChecks
{
    public static void ShouldBeBillable(Invoice invoice)
    {
        invoice.Customer.Should().NotBeNullOrWhiteSpace();
        invoice.Lines.Should().HaveCountGreaterOrEqualTo(1);
        invoice.Total.Should().BeGreaterOrEqualTo(0m);
        invoice.PaymentTerm.Should().BeLessOrEqualTo(TimeSpan.FromDays(60));
    }

    public static void ShouldMatch(Invoice actual, Invoice expected) =>
        actual.Should().BeEquivalentTo(expected, options => options.Excluding(invoice => invoice.PaymentTerm).RespectingRuntimeTypes());
}
