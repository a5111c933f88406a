using System;

namespace Ledgerly.Domain
{
    public class DeliveryStatusLabel
    {
        public int Status { get; set; }
        public string Label { get; set; } = "";
    }
}
