-- FX rates and TC/RC benchmarks live in the same store as metal prices (docs/market-data.md).
-- A series gets a kind; an FX series has a currency pair instead of a metal; benchmarks are annual.
-- Existing rows are metal prices and keep their code, metal, market, unit and frequency.
alter table market_price_series
    add column kind text not null default 'PRICE' check (kind in ('PRICE', 'FX', 'TC', 'RC')),
    add column base_currency  char(3) check (base_currency ~ '^[A-Z]{3}$'),   -- FX: one unit of it
    add column quote_currency char(3) check (quote_currency ~ '^[A-Z]{3}$'),  -- FX: priced in it
    alter column metal drop not null;

alter table market_price_series
    add constraint market_price_series_kind_parts check (
        case when kind = 'FX'
             then metal is null and base_currency is not null and quote_currency is not null
                  and base_currency <> quote_currency
             else metal is not null and base_currency is null and quote_currency is null
        end);

alter table market_price_series drop constraint market_price_series_frequency_check;
alter table market_price_series
    add constraint market_price_series_frequency_check
        check (frequency in ('DAILY', 'MONTHLY', 'ANNUAL'));

create index market_price_series_kind on market_price_series (kind, code);

comment on column market_price_series.kind is
    'PRICE (Cu/LME_CASH/USD_PER_T), FX (FX:EUR/USD/ECB, quote per one base), TC (TC:Cu/BENCHMARK/USD_PER_DMT), RC (RC:Cu/BENCHMARK/USD_PER_LB)';
