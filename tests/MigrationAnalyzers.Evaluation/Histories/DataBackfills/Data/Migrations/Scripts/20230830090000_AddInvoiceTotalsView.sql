CREATE OR REPLACE VIEW invoice_totals AS
SELECT i."Id"            AS invoice_id,
       i."TenantId"      AS tenant_id,
       SUM(l."Quantity" * l."UnitPrice") AS net_amount,
       COUNT(l."Id")     AS line_count
FROM "Invoices" i
LEFT JOIN "InvoiceLines" l ON l."InvoiceId" = i."Id"
GROUP BY i."Id", i."TenantId";
