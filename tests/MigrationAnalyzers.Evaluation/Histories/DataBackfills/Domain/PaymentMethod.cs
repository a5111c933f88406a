using System;

namespace Ledgerly.Domain
{
    public class PaymentMethod
    {
        public int Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
    }
}
