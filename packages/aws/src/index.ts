// Public API of @sagepack/aws: the AWS control plane — deploys through CloudFormation, SageMaker training
// and Batch Transform jobs, and the platform stack they read. Loads the AWS SDK: import it only when a
// command talks to AWS (`@sagepack/aws/errors` is the light entry for error explanations).

export { deployModel } from './deploy/deploy-model'
export { buildTrainingCode } from './train-sagemaker/build-training-code'
export { trainOnSageMaker } from './train-sagemaker/train-on-sagemaker'
export { runTransform } from './transform/run-transform'
