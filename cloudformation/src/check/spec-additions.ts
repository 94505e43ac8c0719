// Properties CloudFormation gained after the last release of @aws-cdk/cfnspec, which stopped at
// resource specification 117.0.0 (early 2023) when the CDK moved to its own service spec. Only what
// sagepack's templates use, each copied from the CloudFormation template reference page named in it.
import type { SpecProperty, SpecType } from './spec-types'

const MODEL_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference'

/** New properties of existing types: type name -> property name -> definition. */
export const ADDED_PROPERTIES: Record<string, Record<string, SpecProperty>> = {
  // Uncompressed model data (S3Prefix + CompressionType None), added December 2023.
  'AWS::SageMaker::Model.ContainerDefinition': {
    ModelDataSource: {
      Documentation: `${MODEL_DOCS}/aws-properties-sagemaker-model-containerdefinition.html#cfn-sagemaker-model-containerdefinition-modeldatasource`,
      Type: 'ModelDataSource',
      Required: false,
      UpdateType: 'Immutable',
    },
  },
}

/** New property types. */
export const ADDED_PROPERTY_TYPES: Record<string, SpecType> = {
  'AWS::SageMaker::Model.ModelDataSource': {
    Documentation: `${MODEL_DOCS}/aws-properties-sagemaker-model-modeldatasource.html`,
    Properties: {
      S3DataSource: { Type: 'S3DataSource', Required: true, UpdateType: 'Immutable' },
    },
  },
  'AWS::SageMaker::Model.S3DataSource': {
    Documentation: `${MODEL_DOCS}/aws-properties-sagemaker-model-s3datasource.html`,
    Properties: {
      CompressionType: { PrimitiveType: 'String', Required: true, UpdateType: 'Immutable' },
      HubAccessConfig: { Type: 'HubAccessConfig', Required: false, UpdateType: 'Immutable' },
      ModelAccessConfig: { Type: 'ModelAccessConfig', Required: false, UpdateType: 'Immutable' },
      S3DataType: { PrimitiveType: 'String', Required: true, UpdateType: 'Immutable' },
      S3Uri: { PrimitiveType: 'String', Required: true, UpdateType: 'Immutable' },
    },
  },
  'AWS::SageMaker::Model.ModelAccessConfig': {
    Documentation: `${MODEL_DOCS}/aws-properties-sagemaker-model-modelaccessconfig.html`,
    Properties: {
      AcceptEula: { PrimitiveType: 'Boolean', Required: true, UpdateType: 'Immutable' },
    },
  },
  'AWS::SageMaker::Model.HubAccessConfig': {
    Documentation: `${MODEL_DOCS}/aws-properties-sagemaker-model-hubaccessconfig.html`,
    Properties: {
      HubContentArn: { PrimitiveType: 'String', Required: true, UpdateType: 'Immutable' },
    },
  },
}
