-- Up Migration
-- What the payment document (ЕПД, form of Приказ Минстроя России № 43/пр of 26.01.2018) prints beyond
-- the charges: the payee's contacts and working hours, the dispatcher's contacts, the house's areas, the
-- volume of common-property use apart from the individual one, and the reason of a recalculation.

ALTER TABLE organisations
  ADD COLUMN address           text CHECK (length(address) <= 500),
  ADD COLUMN phone             text CHECK (length(phone) <= 60),
  ADD COLUMN email             text CHECK (length(email) <= 200),
  ADD COLUMN website           text CHECK (length(website) <= 200),
  ADD COLUMN working_hours     text CHECK (length(working_hours) <= 200),
  ADD COLUMN dispatcher_phone  text CHECK (length(dispatcher_phone) <= 60),
  ADD COLUMN dispatcher_hours  text CHECK (length(dispatcher_hours) <= 200);

-- Reference data of the house printed where the organisation provides it.
ALTER TABLE houses
  ADD COLUMN residential_area      numeric(12, 2) CHECK (residential_area > 0),
  ADD COLUMN non_residential_area  numeric(12, 2) CHECK (non_residential_area >= 0),
  ADD COLUMN common_area           numeric(12, 2) CHECK (common_area >= 0);

ALTER TABLE charge_lines
  ADD COLUMN volume_common         numeric(15, 3),  -- used for common-property upkeep (ОДН / КР на СОИ)
  ADD COLUMN recalculation_reason  text;

-- Down Migration
ALTER TABLE charge_lines DROP COLUMN volume_common, DROP COLUMN recalculation_reason;
ALTER TABLE houses DROP COLUMN residential_area, DROP COLUMN non_residential_area, DROP COLUMN common_area;
ALTER TABLE organisations DROP COLUMN address, DROP COLUMN phone, DROP COLUMN email, DROP COLUMN website,
  DROP COLUMN working_hours, DROP COLUMN dispatcher_phone, DROP COLUMN dispatcher_hours;
