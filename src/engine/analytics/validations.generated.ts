/* Generated from AWS's API model (kinesis-analytics-v2-2018-05-23.json) by server/gen-shapes.ts; do not edit.
 * Regenerate: npm run gen:shapes -- ../shared/aws-models/kinesis-analytics-v2-2018-05-23.json src/engine/analytics/validations.generated.ts CreateApplication DescribeApplication ListApplications UpdateApplication StartApplication StopApplication DeleteApplication AddApplicationInput AddApplicationOutput DeleteApplicationOutput DiscoverInputSchema */
import type { FieldShape, Shapes } from '../common/validation';

const ApplicationNameShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 128,
};
const ApplicationDescriptionShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 1024,
};
const RuntimeEnvironmentShape: FieldShape = {
  type: 'String',
  enum: [
    'SQL-1_0',
    'FLINK-1_6',
    'FLINK-1_8',
    'ZEPPELIN-FLINK-1_0',
    'FLINK-1_11',
    'FLINK-1_13',
    'ZEPPELIN-FLINK-2_0',
    'FLINK-1_15',
    'ZEPPELIN-FLINK-3_0',
    'FLINK-1_18',
    'FLINK-1_19',
    'FLINK-1_20',
  ],
};
const RoleARNShape: FieldShape = {
  type: 'String',
  regex: 'arn:.*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const InAppStreamNameShape: FieldShape = {
  type: 'String',
  regex: '[^-\\s<>&]*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 32,
};
const ResourceARNShape: FieldShape = {
  type: 'String',
  regex: 'arn:.*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const InputLambdaProcessorShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const InputProcessingConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { InputLambdaProcessor: { notNull: true, ...InputLambdaProcessorShape } },
};
const KinesisStreamsInputShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const KinesisFirehoseInputShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const InputParallelismCountShape: FieldShape = {
  type: 'Integer',
  greaterThanOrEqual: 1,
  lessThanOrEqual: 64,
};
const InputParallelismShape: FieldShape = {
  type: 'Structure',
  children: { Count: InputParallelismCountShape },
};
const RecordFormatTypeShape: FieldShape = { type: 'String', enum: ['JSON', 'CSV'] };
const RecordRowPathShape: FieldShape = {
  type: 'String',
  regex: '(?=^\\$)(?=^\\S+$).*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 65535,
};
const JSONMappingParametersShape: FieldShape = {
  type: 'Structure',
  children: { RecordRowPath: { notNull: true, ...RecordRowPathShape } },
};
const RecordRowDelimiterShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 1024,
};
const RecordColumnDelimiterShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 1024,
};
const CSVMappingParametersShape: FieldShape = {
  type: 'Structure',
  children: {
    RecordRowDelimiter: { notNull: true, ...RecordRowDelimiterShape },
    RecordColumnDelimiter: { notNull: true, ...RecordColumnDelimiterShape },
  },
};
const MappingParametersShape: FieldShape = {
  type: 'Structure',
  children: {
    JSONMappingParameters: JSONMappingParametersShape,
    CSVMappingParameters: CSVMappingParametersShape,
  },
};
const RecordFormatShape: FieldShape = {
  type: 'Structure',
  children: {
    RecordFormatType: { notNull: true, ...RecordFormatTypeShape },
    MappingParameters: MappingParametersShape,
  },
};
const RecordEncodingShape: FieldShape = {
  type: 'String',
  regex: 'UTF-8',
  lengthGreaterThanOrEqual: 5,
  lengthLessThanOrEqual: 5,
};
const RecordColumnNameShape: FieldShape = {
  type: 'String',
  regex: '[^-\\s<>&]*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 256,
};
const RecordColumnMappingShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 65535,
};
const RecordColumnSqlTypeShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 100,
};
const RecordColumnShape: FieldShape = {
  type: 'Structure',
  children: {
    Name: { notNull: true, ...RecordColumnNameShape },
    Mapping: RecordColumnMappingShape,
    SqlType: { notNull: true, ...RecordColumnSqlTypeShape },
  },
};
const RecordColumnsShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 1000,
  children: RecordColumnShape,
};
const SourceSchemaShape: FieldShape = {
  type: 'Structure',
  children: {
    RecordFormat: { notNull: true, ...RecordFormatShape },
    RecordEncoding: RecordEncodingShape,
    RecordColumns: { notNull: true, ...RecordColumnsShape },
  },
};
const InputShape: FieldShape = {
  type: 'Structure',
  children: {
    NamePrefix: { notNull: true, ...InAppStreamNameShape },
    InputProcessingConfiguration: InputProcessingConfigurationShape,
    KinesisStreamsInput: KinesisStreamsInputShape,
    KinesisFirehoseInput: KinesisFirehoseInputShape,
    InputParallelism: InputParallelismShape,
    InputSchema: { notNull: true, ...SourceSchemaShape },
  },
};
const InputsShape: FieldShape = { type: 'List', children: InputShape };
const KinesisStreamsOutputShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const KinesisFirehoseOutputShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const LambdaOutputShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARN: { notNull: true, ...ResourceARNShape } },
};
const DestinationSchemaShape: FieldShape = {
  type: 'Structure',
  children: { RecordFormatType: { notNull: true, ...RecordFormatTypeShape } },
};
const OutputShape: FieldShape = {
  type: 'Structure',
  children: {
    Name: { notNull: true, ...InAppStreamNameShape },
    KinesisStreamsOutput: KinesisStreamsOutputShape,
    KinesisFirehoseOutput: KinesisFirehoseOutputShape,
    LambdaOutput: LambdaOutputShape,
    DestinationSchema: { notNull: true, ...DestinationSchemaShape },
  },
};
const OutputsShape: FieldShape = { type: 'List', children: OutputShape };
const InAppTableNameShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 32,
};
const BucketARNShape: FieldShape = {
  type: 'String',
  regex: 'arn:.*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const FileKeyShape: FieldShape = { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 1024 };
const S3ReferenceDataSourceShape: FieldShape = {
  type: 'Structure',
  children: { BucketARN: BucketARNShape, FileKey: FileKeyShape },
};
const ReferenceDataSourceShape: FieldShape = {
  type: 'Structure',
  children: {
    TableName: { notNull: true, ...InAppTableNameShape },
    S3ReferenceDataSource: S3ReferenceDataSourceShape,
    ReferenceSchema: { notNull: true, ...SourceSchemaShape },
  },
};
const ReferenceDataSourcesShape: FieldShape = { type: 'List', children: ReferenceDataSourceShape };
const SqlApplicationConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { Inputs: InputsShape, Outputs: OutputsShape, ReferenceDataSources: ReferenceDataSourcesShape },
};
const ConfigurationTypeShape: FieldShape = { type: 'String', enum: ['DEFAULT', 'CUSTOM'] };
const BooleanObjectShape: FieldShape = { type: 'Boolean' };
const CheckpointIntervalShape: FieldShape = { type: 'Long', greaterThanOrEqual: 1 };
const MinPauseBetweenCheckpointsShape: FieldShape = { type: 'Long', greaterThanOrEqual: 0 };
const CheckpointConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationType: { notNull: true, ...ConfigurationTypeShape },
    CheckpointingEnabled: BooleanObjectShape,
    CheckpointInterval: CheckpointIntervalShape,
    MinPauseBetweenCheckpoints: MinPauseBetweenCheckpointsShape,
  },
};
const MetricsLevelShape: FieldShape = {
  type: 'String',
  enum: ['APPLICATION', 'TASK', 'OPERATOR', 'PARALLELISM'],
};
const LogLevelShape: FieldShape = { type: 'String', enum: ['INFO', 'WARN', 'ERROR', 'DEBUG'] };
const MonitoringConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationType: { notNull: true, ...ConfigurationTypeShape },
    MetricsLevel: MetricsLevelShape,
    LogLevel: LogLevelShape,
  },
};
const ParallelismShape: FieldShape = { type: 'Integer', greaterThanOrEqual: 1 };
const ParallelismPerKPUShape: FieldShape = { type: 'Integer', greaterThanOrEqual: 1 };
const ParallelismConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationType: { notNull: true, ...ConfigurationTypeShape },
    Parallelism: ParallelismShape,
    ParallelismPerKPU: ParallelismPerKPUShape,
    AutoScalingEnabled: BooleanObjectShape,
  },
};
const FlinkApplicationConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    CheckpointConfiguration: CheckpointConfigurationShape,
    MonitoringConfiguration: MonitoringConfigurationShape,
    ParallelismConfiguration: ParallelismConfigurationShape,
  },
};
const IdShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 50,
};
const PropertyValueShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const PropertyMapShape: FieldShape = {
  type: 'Map',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 50,
  childKeyLengths: [1, 2048],
  children: PropertyValueShape,
};
const PropertyGroupShape: FieldShape = {
  type: 'Structure',
  children: {
    PropertyGroupId: { notNull: true, ...IdShape },
    PropertyMap: { notNull: true, ...PropertyMapShape },
  },
};
const PropertyGroupsShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 50,
  children: PropertyGroupShape,
};
const EnvironmentPropertiesShape: FieldShape = {
  type: 'Structure',
  children: { PropertyGroups: { notNull: true, ...PropertyGroupsShape } },
};
const TextContentShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 102400,
};
const ZipFileContentShape: FieldShape = {
  type: 'Blob',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 52428800,
};
const ObjectVersionShape: FieldShape = {
  type: 'String',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 1024,
};
const S3ContentLocationShape: FieldShape = {
  type: 'Structure',
  children: {
    BucketARN: { notNull: true, ...BucketARNShape },
    FileKey: { notNull: true, ...FileKeyShape },
    ObjectVersion: ObjectVersionShape,
  },
};
const CodeContentShape: FieldShape = {
  type: 'Structure',
  children: {
    TextContent: TextContentShape,
    ZipFileContent: ZipFileContentShape,
    S3ContentLocation: S3ContentLocationShape,
  },
};
const CodeContentTypeShape: FieldShape = { type: 'String', enum: ['PLAINTEXT', 'ZIPFILE'] };
const ApplicationCodeConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { CodeContent: CodeContentShape, CodeContentType: { notNull: true, ...CodeContentTypeShape } },
};
const ApplicationSnapshotConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { SnapshotsEnabled: { notNull: true, ...BooleanObjectShape } },
};
const ApplicationSystemRollbackConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { RollbackEnabled: { notNull: true, ...BooleanObjectShape } },
};
const SubnetIdShape: FieldShape = { type: 'String' };
const SubnetIdsShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 16,
  children: SubnetIdShape,
};
const SecurityGroupIdShape: FieldShape = { type: 'String' };
const SecurityGroupIdsShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 5,
  children: SecurityGroupIdShape,
};
const VpcConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    SubnetIds: { notNull: true, ...SubnetIdsShape },
    SecurityGroupIds: { notNull: true, ...SecurityGroupIdsShape },
  },
};
const VpcConfigurationsShape: FieldShape = { type: 'List', children: VpcConfigurationShape };
const ZeppelinMonitoringConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { LogLevel: { notNull: true, ...LogLevelShape } },
};
const DatabaseARNShape: FieldShape = {
  type: 'String',
  regex: 'arn:.*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const GlueDataCatalogConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { DatabaseARN: { notNull: true, ...DatabaseARNShape } },
};
const CatalogConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { GlueDataCatalogConfiguration: { notNull: true, ...GlueDataCatalogConfigurationShape } },
};
const BasePathShape: FieldShape = {
  type: 'String',
  regex: "[a-zA-Z0-9/!-_.*'()]+",
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 1024,
};
const S3ContentBaseLocationShape: FieldShape = {
  type: 'Structure',
  children: { BucketARN: { notNull: true, ...BucketARNShape }, BasePath: BasePathShape },
};
const DeployAsApplicationConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { S3ContentLocation: { notNull: true, ...S3ContentBaseLocationShape } },
};
const ArtifactTypeShape: FieldShape = { type: 'String', enum: ['UDF', 'DEPENDENCY_JAR'] };
const MavenGroupIdShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 256,
};
const MavenArtifactIdShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 256,
};
const MavenVersionShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 256,
};
const MavenReferenceShape: FieldShape = {
  type: 'Structure',
  children: {
    GroupId: { notNull: true, ...MavenGroupIdShape },
    ArtifactId: { notNull: true, ...MavenArtifactIdShape },
    Version: { notNull: true, ...MavenVersionShape },
  },
};
const CustomArtifactConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    ArtifactType: { notNull: true, ...ArtifactTypeShape },
    S3ContentLocation: S3ContentLocationShape,
    MavenReference: MavenReferenceShape,
  },
};
const CustomArtifactsConfigurationListShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 0,
  lengthLessThanOrEqual: 50,
  children: CustomArtifactConfigurationShape,
};
const ZeppelinApplicationConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    MonitoringConfiguration: ZeppelinMonitoringConfigurationShape,
    CatalogConfiguration: CatalogConfigurationShape,
    DeployAsApplicationConfiguration: DeployAsApplicationConfigurationShape,
    CustomArtifactsConfiguration: CustomArtifactsConfigurationListShape,
  },
};
const ApplicationConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    SqlApplicationConfiguration: SqlApplicationConfigurationShape,
    FlinkApplicationConfiguration: FlinkApplicationConfigurationShape,
    EnvironmentProperties: EnvironmentPropertiesShape,
    ApplicationCodeConfiguration: ApplicationCodeConfigurationShape,
    ApplicationSnapshotConfiguration: ApplicationSnapshotConfigurationShape,
    ApplicationSystemRollbackConfiguration: ApplicationSystemRollbackConfigurationShape,
    VpcConfigurations: VpcConfigurationsShape,
    ZeppelinApplicationConfiguration: ZeppelinApplicationConfigurationShape,
  },
};
const LogStreamARNShape: FieldShape = {
  type: 'String',
  regex: 'arn:.*',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 2048,
};
const CloudWatchLoggingOptionShape: FieldShape = {
  type: 'Structure',
  children: { LogStreamARN: { notNull: true, ...LogStreamARNShape } },
};
const CloudWatchLoggingOptionsShape: FieldShape = { type: 'List', children: CloudWatchLoggingOptionShape };
const TagKeyShape: FieldShape = { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 128 };
const TagValueShape: FieldShape = { type: 'String', lengthGreaterThanOrEqual: 0, lengthLessThanOrEqual: 256 };
const TagShape: FieldShape = {
  type: 'Structure',
  children: { Key: { notNull: true, ...TagKeyShape }, Value: TagValueShape },
};
const TagsShape: FieldShape = {
  type: 'List',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 200,
  children: TagShape,
};
const ApplicationModeShape: FieldShape = { type: 'String', enum: ['STREAMING', 'INTERACTIVE'] };
const ListApplicationsInputLimitShape: FieldShape = {
  type: 'Integer',
  greaterThanOrEqual: 1,
  lessThanOrEqual: 50,
};
const ApplicationVersionIdShape: FieldShape = {
  type: 'Long',
  greaterThanOrEqual: 1,
  lessThanOrEqual: 999999999,
};
const InputLambdaProcessorUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const InputProcessingConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { InputLambdaProcessorUpdate: { notNull: true, ...InputLambdaProcessorUpdateShape } },
};
const KinesisStreamsInputUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const KinesisFirehoseInputUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const InputSchemaUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    RecordFormatUpdate: RecordFormatShape,
    RecordEncodingUpdate: RecordEncodingShape,
    RecordColumnUpdates: RecordColumnsShape,
  },
};
const InputParallelismUpdateShape: FieldShape = {
  type: 'Structure',
  children: { CountUpdate: { notNull: true, ...InputParallelismCountShape } },
};
const InputUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    InputId: { notNull: true, ...IdShape },
    NamePrefixUpdate: InAppStreamNameShape,
    InputProcessingConfigurationUpdate: InputProcessingConfigurationUpdateShape,
    KinesisStreamsInputUpdate: KinesisStreamsInputUpdateShape,
    KinesisFirehoseInputUpdate: KinesisFirehoseInputUpdateShape,
    InputSchemaUpdate: InputSchemaUpdateShape,
    InputParallelismUpdate: InputParallelismUpdateShape,
  },
};
const InputUpdatesShape: FieldShape = { type: 'List', children: InputUpdateShape };
const KinesisStreamsOutputUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const KinesisFirehoseOutputUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const LambdaOutputUpdateShape: FieldShape = {
  type: 'Structure',
  children: { ResourceARNUpdate: { notNull: true, ...ResourceARNShape } },
};
const OutputUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    OutputId: { notNull: true, ...IdShape },
    NameUpdate: InAppStreamNameShape,
    KinesisStreamsOutputUpdate: KinesisStreamsOutputUpdateShape,
    KinesisFirehoseOutputUpdate: KinesisFirehoseOutputUpdateShape,
    LambdaOutputUpdate: LambdaOutputUpdateShape,
    DestinationSchemaUpdate: DestinationSchemaShape,
  },
};
const OutputUpdatesShape: FieldShape = { type: 'List', children: OutputUpdateShape };
const S3ReferenceDataSourceUpdateShape: FieldShape = {
  type: 'Structure',
  children: { BucketARNUpdate: BucketARNShape, FileKeyUpdate: FileKeyShape },
};
const ReferenceDataSourceUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    ReferenceId: { notNull: true, ...IdShape },
    TableNameUpdate: InAppTableNameShape,
    S3ReferenceDataSourceUpdate: S3ReferenceDataSourceUpdateShape,
    ReferenceSchemaUpdate: SourceSchemaShape,
  },
};
const ReferenceDataSourceUpdatesShape: FieldShape = {
  type: 'List',
  children: ReferenceDataSourceUpdateShape,
};
const SqlApplicationConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    InputUpdates: InputUpdatesShape,
    OutputUpdates: OutputUpdatesShape,
    ReferenceDataSourceUpdates: ReferenceDataSourceUpdatesShape,
  },
};
const S3ContentLocationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    BucketARNUpdate: BucketARNShape,
    FileKeyUpdate: FileKeyShape,
    ObjectVersionUpdate: ObjectVersionShape,
  },
};
const CodeContentUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    TextContentUpdate: TextContentShape,
    ZipFileContentUpdate: ZipFileContentShape,
    S3ContentLocationUpdate: S3ContentLocationUpdateShape,
  },
};
const ApplicationCodeConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { CodeContentTypeUpdate: CodeContentTypeShape, CodeContentUpdate: CodeContentUpdateShape },
};
const CheckpointConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationTypeUpdate: ConfigurationTypeShape,
    CheckpointingEnabledUpdate: BooleanObjectShape,
    CheckpointIntervalUpdate: CheckpointIntervalShape,
    MinPauseBetweenCheckpointsUpdate: MinPauseBetweenCheckpointsShape,
  },
};
const MonitoringConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationTypeUpdate: ConfigurationTypeShape,
    MetricsLevelUpdate: MetricsLevelShape,
    LogLevelUpdate: LogLevelShape,
  },
};
const ParallelismConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    ConfigurationTypeUpdate: ConfigurationTypeShape,
    ParallelismUpdate: ParallelismShape,
    ParallelismPerKPUUpdate: ParallelismPerKPUShape,
    AutoScalingEnabledUpdate: BooleanObjectShape,
  },
};
const FlinkApplicationConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    CheckpointConfigurationUpdate: CheckpointConfigurationUpdateShape,
    MonitoringConfigurationUpdate: MonitoringConfigurationUpdateShape,
    ParallelismConfigurationUpdate: ParallelismConfigurationUpdateShape,
  },
};
const EnvironmentPropertyUpdatesShape: FieldShape = {
  type: 'Structure',
  children: { PropertyGroups: { notNull: true, ...PropertyGroupsShape } },
};
const ApplicationSnapshotConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { SnapshotsEnabledUpdate: { notNull: true, ...BooleanObjectShape } },
};
const ApplicationSystemRollbackConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { RollbackEnabledUpdate: { notNull: true, ...BooleanObjectShape } },
};
const VpcConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    VpcConfigurationId: { notNull: true, ...IdShape },
    SubnetIdUpdates: SubnetIdsShape,
    SecurityGroupIdUpdates: SecurityGroupIdsShape,
  },
};
const VpcConfigurationUpdatesShape: FieldShape = { type: 'List', children: VpcConfigurationUpdateShape };
const ZeppelinMonitoringConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { LogLevelUpdate: { notNull: true, ...LogLevelShape } },
};
const GlueDataCatalogConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { DatabaseARNUpdate: { notNull: true, ...DatabaseARNShape } },
};
const CatalogConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    GlueDataCatalogConfigurationUpdate: { notNull: true, ...GlueDataCatalogConfigurationUpdateShape },
  },
};
const S3ContentBaseLocationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { BucketARNUpdate: BucketARNShape, BasePathUpdate: BasePathShape },
};
const DeployAsApplicationConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: { S3ContentLocationUpdate: S3ContentBaseLocationUpdateShape },
};
const ZeppelinApplicationConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    MonitoringConfigurationUpdate: ZeppelinMonitoringConfigurationUpdateShape,
    CatalogConfigurationUpdate: CatalogConfigurationUpdateShape,
    DeployAsApplicationConfigurationUpdate: DeployAsApplicationConfigurationUpdateShape,
    CustomArtifactsConfigurationUpdate: CustomArtifactsConfigurationListShape,
  },
};
const ApplicationConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    SqlApplicationConfigurationUpdate: SqlApplicationConfigurationUpdateShape,
    ApplicationCodeConfigurationUpdate: ApplicationCodeConfigurationUpdateShape,
    FlinkApplicationConfigurationUpdate: FlinkApplicationConfigurationUpdateShape,
    EnvironmentPropertyUpdates: EnvironmentPropertyUpdatesShape,
    ApplicationSnapshotConfigurationUpdate: ApplicationSnapshotConfigurationUpdateShape,
    ApplicationSystemRollbackConfigurationUpdate: ApplicationSystemRollbackConfigurationUpdateShape,
    VpcConfigurationUpdates: VpcConfigurationUpdatesShape,
    ZeppelinApplicationConfigurationUpdate: ZeppelinApplicationConfigurationUpdateShape,
  },
};
const FlinkRunConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { AllowNonRestoredState: BooleanObjectShape },
};
const ApplicationRestoreTypeShape: FieldShape = {
  type: 'String',
  enum: ['SKIP_RESTORE_FROM_SNAPSHOT', 'RESTORE_FROM_LATEST_SNAPSHOT', 'RESTORE_FROM_CUSTOM_SNAPSHOT'],
};
const SnapshotNameShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 256,
};
const ApplicationRestoreConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    ApplicationRestoreType: { notNull: true, ...ApplicationRestoreTypeShape },
    SnapshotName: SnapshotNameShape,
  },
};
const RunConfigurationUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    FlinkRunConfiguration: FlinkRunConfigurationShape,
    ApplicationRestoreConfiguration: ApplicationRestoreConfigurationShape,
  },
};
const CloudWatchLoggingOptionUpdateShape: FieldShape = {
  type: 'Structure',
  children: {
    CloudWatchLoggingOptionId: { notNull: true, ...IdShape },
    LogStreamARNUpdate: LogStreamARNShape,
  },
};
const CloudWatchLoggingOptionUpdatesShape: FieldShape = {
  type: 'List',
  children: CloudWatchLoggingOptionUpdateShape,
};
const ConditionalTokenShape: FieldShape = {
  type: 'String',
  regex: '[a-zA-Z0-9-_+/=]+',
  lengthGreaterThanOrEqual: 1,
  lengthLessThanOrEqual: 512,
};
const InputStartingPositionShape: FieldShape = {
  type: 'String',
  enum: ['NOW', 'TRIM_HORIZON', 'LAST_STOPPED_POINT'],
};
const InputStartingPositionConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { InputStartingPosition: InputStartingPositionShape },
};
const SqlRunConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    InputId: { notNull: true, ...IdShape },
    InputStartingPositionConfiguration: { notNull: true, ...InputStartingPositionConfigurationShape },
  },
};
const SqlRunConfigurationsShape: FieldShape = { type: 'List', children: SqlRunConfigurationShape };
const RunConfigurationShape: FieldShape = {
  type: 'Structure',
  children: {
    FlinkRunConfiguration: FlinkRunConfigurationShape,
    SqlRunConfigurations: SqlRunConfigurationsShape,
    ApplicationRestoreConfiguration: ApplicationRestoreConfigurationShape,
  },
};
const TimestampShape: FieldShape = { type: 'Timestamp' };
const S3ConfigurationShape: FieldShape = {
  type: 'Structure',
  children: { BucketARN: { notNull: true, ...BucketARNShape }, FileKey: { notNull: true, ...FileKeyShape } },
};

export const createApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  ApplicationDescription: ApplicationDescriptionShape,
  RuntimeEnvironment: { notNull: true, ...RuntimeEnvironmentShape },
  ServiceExecutionRole: { notNull: true, ...RoleARNShape },
  ApplicationConfiguration: ApplicationConfigurationShape,
  CloudWatchLoggingOptions: CloudWatchLoggingOptionsShape,
  Tags: TagsShape,
  ApplicationMode: ApplicationModeShape,
};
export const describeApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  IncludeAdditionalDetails: BooleanObjectShape,
};
export const listApplications: Shapes = {
  Limit: ListApplicationsInputLimitShape,
  NextToken: ApplicationNameShape,
};
export const updateApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  CurrentApplicationVersionId: ApplicationVersionIdShape,
  ApplicationConfigurationUpdate: ApplicationConfigurationUpdateShape,
  ServiceExecutionRoleUpdate: RoleARNShape,
  RunConfigurationUpdate: RunConfigurationUpdateShape,
  CloudWatchLoggingOptionUpdates: CloudWatchLoggingOptionUpdatesShape,
  ConditionalToken: ConditionalTokenShape,
  RuntimeEnvironmentUpdate: RuntimeEnvironmentShape,
};
export const startApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  RunConfiguration: RunConfigurationShape,
};
export const stopApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  Force: BooleanObjectShape,
};
export const deleteApplication: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  CreateTimestamp: { notNull: true, ...TimestampShape },
};
export const addApplicationInput: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  CurrentApplicationVersionId: { notNull: true, ...ApplicationVersionIdShape },
  Input: { notNull: true, ...InputShape },
};
export const addApplicationOutput: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  CurrentApplicationVersionId: { notNull: true, ...ApplicationVersionIdShape },
  Output: { notNull: true, ...OutputShape },
};
export const deleteApplicationOutput: Shapes = {
  ApplicationName: { notNull: true, ...ApplicationNameShape },
  CurrentApplicationVersionId: { notNull: true, ...ApplicationVersionIdShape },
  OutputId: { notNull: true, ...IdShape },
};
export const discoverInputSchema: Shapes = {
  ResourceARN: ResourceARNShape,
  ServiceExecutionRole: { notNull: true, ...RoleARNShape },
  InputStartingPositionConfiguration: InputStartingPositionConfigurationShape,
  S3Configuration: S3ConfigurationShape,
  InputProcessingConfiguration: InputProcessingConfigurationShape,
};
