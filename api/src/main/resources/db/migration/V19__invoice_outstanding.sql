-- What each invoice still asks to be paid: its balance less the payments recorded against it.
-- The credit check reads a counterparty's open invoices on every deal; computing this from the
-- payments made it read every invoice and payment the counterparty ever had, a cost that grew
-- with the book. Triggers keep the column, whoever writes the rows, so it cannot drift from the
-- payments: a payment moves it by its amount (a delta, not a re-read sum, so two payments of
-- one invoice committed at the same time both count: the second waits for the first's row lock
-- and then applies its delta to the row the first left).
alter table invoice add column outstanding numeric(19, 2);

update invoice i
set outstanding = i.balance - coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0);

alter table invoice alter column outstanding set not null;

-- on insert, the balance (a payment names an existing invoice, so a new one has none); on update,
-- a changed balance moves it by the change, and only the payment trigger below (a nested trigger)
-- may set it
create function invoice_outstanding_from_balance() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.outstanding := new.balance;
    else
        new.outstanding := (case when pg_trigger_depth() > 1 then new.outstanding
                                 else old.outstanding end)
            + (new.balance - old.balance);
    end if;
    return new;
end
$$;

create trigger invoice_outstanding
    before insert or update on invoice
    for each row execute function invoice_outstanding_from_balance();

create function invoice_outstanding_from_payment() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update invoice set outstanding = outstanding + old.amount where id = old.invoice_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update invoice set outstanding = outstanding - new.amount where id = new.invoice_id;
    end if;
    return null;
end
$$;

create trigger invoice_outstanding_on_payment
    after insert or update of amount, invoice_id or delete on payment
    for each row execute function invoice_outstanding_from_payment();

-- the credit check's invoices: a counterparty's open ones
create index invoice_open_by_counterparty on invoice (counterparty_id) where outstanding > 0;
