// GET /ping: SageMaker's health check, 200 once the model is loaded and 503 until then.
import type { InvocationRunner } from '../handler/handler-api'
import type { Route } from './route-request'
import type { ResponseWriter } from './write-response'

export function pingRoute(runner: InvocationRunner, writer: ResponseWriter): Route {
  return {
    methods: ['GET', 'HEAD'],
    handle(req, res) {
      if (runner.ready) writer.send(res, 200, {}, '')
      else writer.sendError(req, res, 503, 'the model is still loading')
    },
  }
}
