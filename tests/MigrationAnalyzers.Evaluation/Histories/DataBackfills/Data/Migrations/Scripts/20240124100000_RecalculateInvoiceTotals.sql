-- Totals were rounded per line before 2024; recompute them from the lines with banker's rounding.
UPDATE "Invoices" i
SET "TotalAmount" = t.total
FROM (
    SELECT l."InvoiceId", ROUND(SUM(l."Quantity" * l."UnitPrice" * (1 + l."TaxRate")), 2) AS total
    FROM "InvoiceLines" l
    GROUP BY l."InvoiceId"
) t
WHERE t."InvoiceId" = i."Id"
  AND i."IssuedAt" < '2024-01-01';
