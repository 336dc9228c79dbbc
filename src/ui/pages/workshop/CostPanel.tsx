import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMemo, useState } from 'react';
import { formatBytes } from '../../hooks/useS3';
import { Unbroken, WholeWords } from '../../components/Unbroken';
import { useWorkshopCost } from '../../hooks/useWorkshopCost';
import { useConnectionStore } from '../../state/connection';
import {
  estimate,
  formatPrice,
  formatQuantity,
  formatUsd,
  PRICE_BOOK,
  priceRegionFor,
  type LineItem,
} from '../../workshop/cost';

const regionOptions = Object.entries(PRICE_BOOK.regions).map(([value, r]) => ({
  value,
  label: `${r.name} (${value})`,
}));

/** The cost panel on the Workshop page: folded until opened, and only then reads the services. */
export function CostPanel() {
  const [expanded, setExpanded] = useState(false);
  return (
    <div data-testid="cost-panel">
      <ExpandableSection
        variant="container"
        headerText="What would this cost on AWS?"
        headerDescription="Your streams, delivery streams, applications and buckets, and the last hour's traffic, priced at AWS's public list prices."
        expanded={expanded}
        onChange={({ detail }) => setExpanded(detail.expanded)}
      >
        {expanded && <CostEstimate />}
      </ExpandableSection>
    </div>
  );
}

function CostEstimate() {
  const connectionRegion = useConnectionStore((s) => s.settings.region);
  const [region, setRegion] = useState(() => priceRegionFor(connectionRegion));
  const cost = useWorkshopCost();
  const e = useMemo(() => (cost.data ? estimate(cost.data.usage, region) : undefined), [cost.data, region]);
  const book = PRICE_BOOK.regions[region];

  return (
    <SpaceBetween size="m">
      <Alert type="info" header="Estimates, not a bill">
        List prices of the first pricing tier, without free tier, taxes, data transfer or optional features.
        AWS's own bill and the AWS Pricing Calculator are the reference.
      </Alert>
      <FormField label="Region priced" description={`Prices checked on ${book.checkedOn}.`}>
        <Select
          data-testid="cost-region"
          selectedOption={regionOptions.find((o) => o.value === region) ?? null}
          options={regionOptions}
          onChange={({ detail }) => setRegion(detail.selectedOption.value ?? region)}
        />
      </FormField>
      {cost.error && (
        <Alert type="error" header="The console's resources could not be read">
          {`${cost.error.name}: ${cost.error.message}`}
        </Alert>
      )}
      <Table<LineItem>
        data-testid="cost-table"
        variant="embedded"
        loading={cost.isLoading}
        loadingText="Reading streams, metrics, applications and buckets"
        items={e?.items ? [...e.items] : []}
        trackBy="key"
        wrapLines
        columnDefinitions={[
          {
            id: 'item',
            header: 'Line item',
            minWidth: 160,
            cell: (i) => (
              <>
                <WholeWords text={i.label} testId={`cost-line-${i.key}`} />
                <Box variant="small" display="block" color="text-body-secondary">
                  <WholeWords text={i.service} />
                </Box>
              </>
            ),
          },
          {
            id: 'quantity',
            header: 'Quantity',
            minWidth: 120,
            cell: (i) => (
              <>
                <Unbroken>{formatQuantity(i.quantity)}</Unbroken> {i.basis === 'stored' ? 'stored' : <Unbroken>an hour</Unbroken>}
              </>
            ),
          },
          {
            id: 'price',
            header: 'Unit price',
            minWidth: 220,
            cell: (i) => (
              <>
                <WholeWords text={formatPrice(i.price)} />{' '}
                {i.price.status === 'unverified' && <Badge color="grey">unverified</Badge>}
              </>
            ),
          },
          {
            id: 'hour',
            header: 'Per hour',
            cell: (i) => <Unbroken testId={`cost-hour-${i.key}`}>{formatUsd(i.perHour)}</Unbroken>,
          },
          {
            id: 'month',
            header: <WholeWords text="Per month (730 h)" />,
            cell: (i) => <Unbroken testId={`cost-month-${i.key}`}>{formatUsd(i.perMonth)}</Unbroken>,
          },
        ]}
        footer={
          e && (
            <Box textAlign="right" data-testid="cost-total">
              Total:{' '}
              <Unbroken>
                <strong>{formatUsd(e.perHour)}</strong>
              </Unbroken>{' '}
              an hour,{' '}
              <Unbroken>
                <strong data-testid="cost-total-month">{formatUsd(e.perMonth)}</strong>
              </Unbroken>{' '}
              a month in{' '}
              {e.regionName}
            </Box>
          )
        }
      />
      {cost.data && (
        <Box variant="small" data-testid="cost-inputs">
          Counted: {cost.data.streams.length} stream{cost.data.streams.length === 1 ? '' : 's'} with{' '}
          {cost.data.usage.openShards} open shard
          {cost.data.usage.openShards === 1 ? '' : 's'}, {cost.data.deliveryStreams.length} delivery stream
          {cost.data.deliveryStreams.length === 1 ? '' : 's'}, {cost.data.runningApplications.length} running
          application{cost.data.runningApplications.length === 1 ? '' : 's'},{' '}
          {formatBytes(cost.data.usage.s3.bytesStored)} in {cost.data.buckets.length} bucket
          {cost.data.buckets.length === 1 ? '' : 's'}; traffic from{' '}
          {new Date(cost.data.window.start).toISOString().slice(11, 16)} to{' '}
          {new Date(cost.data.window.end).toISOString().slice(11, 16)} UTC.
        </Box>
      )}
      <Alert
        type="warning"
        header="Kinesis Data Analytics for SQL is discontinued"
        data-testid="cost-kda-note"
      >
        AWS no longer creates SQL applications and is removing them; its successor is Amazon Managed Service
        for Apache Flink, billed by the same KPU-hour plus one KPU per application for orchestration, and
        running storage. The KPU line here prices the SQL applications you run in this console.
      </Alert>
      {cost.data && (
        <Box variant="small">
          <ul>
            {cost.data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Box>
      )}
      <ExpandableSection headerText="Prices and their sources" data-testid="cost-sources">
        <ul>
          {Object.values(book.prices).map((p) => (
            <li key={p.unit}>
              <WholeWords text={formatPrice(p)} />{' '}
              {p.status === 'verified' ? (
                <StatusIndicator type="success">verified</StatusIndicator>
              ) : (
                <StatusIndicator type="pending">unverified</StatusIndicator>
              )}{' '}
              —{' '}
              <Link href={p.source} external>
                {p.source}
              </Link>
              {p.note && (
                <Box variant="small" display="block">
                  {p.note}
                </Box>
              )}
            </li>
          ))}
        </ul>
        <Box variant="small">
          Checked on {book.checkedOn}. The prices live in one data file, src/ui/workshop/prices.json, a region
          to an entry.
        </Box>
      </ExpandableSection>
    </SpaceBetween>
  );
}
